package ru.rosobr.assistant.intake.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;

class RegistryImportTest {

    @Test
    void csvWithSemicolonsQuotesAndABomIsRead() {
        RegistryImport.Parsed parsed = RegistryImport.fromCsv("\uFEFFfio;channel;platformUserId;region;orgType\n"
                + "\"Иванова \"\"Мария\"\" Петровна\";vk;123;5;школа\n");
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.entries()).containsExactly(
                new RegistryEntry(Channel.VK, "123", "Иванова \"Мария\" Петровна", "05", OrgType.SCHOOL));
    }

    @Test
    void emptyRegionMeansUnknown() {
        RegistryImport.Parsed parsed = RegistryImport.fromJson(
                "[{\"channel\":\"MAX\",\"platformUserId\":777,\"fio\":\"Петров П. П.\",\"orgType\":\"ДОО\"}]");
        assertThat(parsed.entries()).containsExactly(
                new RegistryEntry(Channel.MAX, "777", "Петров П. П.", null, OrgType.DOO));
    }

    @Test
    void everyBadRowIsReportedWithItsNumber() {
        RegistryImport.Parsed parsed = RegistryImport.fromJson("[{\"channel\":\"MAX\",\"platformUserId\":\"1\","
                + "\"fio\":\"А\",\"region\":\"58\",\"orgType\":\"SCHOOL\"}, 5, {\"channel\":\"WEBCHAT\"}]");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.problems()).extracting(RegistryImport.RowProblem::row).containsExactly(2, 3);
        assertThat(parsed.problems().get(1).reason()).contains("MAX или VK").contains("platformUserId")
                .contains("ФИО").contains("orgType");
    }

    @Test
    void unreadableBodiesAreRefusedAsAWhole() {
        assertThatThrownBy(() -> RegistryImport.fromJson("{\"channel\":\"MAX\"}"))
                .isInstanceOf(RegistryImport.Unreadable.class).hasMessageContaining("список");
        assertThatThrownBy(() -> RegistryImport.fromJson("[]"))
                .isInstanceOf(RegistryImport.Unreadable.class).hasMessageContaining("ни одного");
        assertThatThrownBy(() -> RegistryImport.fromCsv("channel,fio\nMAX,А\n"))
                .isInstanceOf(RegistryImport.Unreadable.class).hasMessageContaining("platformUserId");
    }
}
