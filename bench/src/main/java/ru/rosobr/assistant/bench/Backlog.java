package ru.rosobr.assistant.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What is still waiting at the end of a run: consumer lag per group, outbox and intake queues per schema. */
final class Backlog {

    /** The service schemas (each service's {@code assistant.db.schema}), each with the platform's outbox table. */
    static final List<String> SCHEMAS = List.of("intake", "answer", "routing", "operator", "analytics", "followup");

    private final String bootstrap;
    private final String jdbcUrl;
    private final Properties jdbc = new Properties();

    Backlog(String bootstrap, String pgHost, int pgPort, String database, String user, String password) {
        this.bootstrap = bootstrap;
        this.jdbcUrl = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
        jdbc.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            jdbc.setProperty("password", password);
        }
    }

    /** Lag (end offset − committed offset, summed over partitions) per consumer group; null on failure. */
    Map<String, Long> consumerLag() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, Long> lag = new LinkedHashMap<>();
        try (Admin admin = Admin.create(p)) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                groups.add(g.groupId());
            }
            groups.sort(String::compareTo);
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                long sum = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(group, sum);
            }
            return lag;
        } catch (Exception e) {
            System.err.println("[bench] отставание потребителей не получено: " + e);
            return null;
        }
    }

    /** Unpublished outbox rows per schema, plus the intake-service inbox and delivery queues. */
    Map<String, Long> queues() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbc); Statement st = c.createStatement()) {
            for (String schema : SCHEMAS) {
                out.put(schema + ".outbox (не опубликовано)",
                        count(st, "select count(*) from " + schema + ".outbox where published_at is null"));
            }
            out.put("intake.inbound_updates (NEW)",
                    count(st, "select count(*) from intake.inbound_updates where status = 'NEW'"));
            out.put("intake.outbound_deliveries (PENDING/HELD)",
                    count(st, "select count(*) from intake.outbound_deliveries where status in ('PENDING', 'HELD')"));
        } catch (SQLException e) {
            System.err.println("[bench] очереди в PostgreSQL не получены: " + e.getMessage());
        }
        return out;
    }

    /**
     * Where a new question's time went, stage by stage, from the timestamps the services keep (p50 and p95 in ms,
     * over the questions whose webhook was stored from {@code from} on): the inbox worker, intake's relay, answer-service,
     * its relay, intake's consumer of the decisions, and the delivery worker. The first stage that grows with the
     * rate is the one that queues. Only what the stack's own database shows (own stack or --url with the database).
     */
    Map<String, long[]> stages(Instant from) {
        Map<String, long[]> out = new LinkedHashMap<>();
        String sql = "with q as (select "
                + "extract(epoch from i.processed_at - i.received_at) s1, "
                + "extract(epoch from o.published_at - o.created_at) s2, "
                + "extract(epoch from m.decided_at - o.published_at) s3, "
                + "extract(epoch from ao.published_at - ao.created_at) s4, "
                + "extract(epoch from d.created_at - ao.published_at) s5, "
                + "extract(epoch from d.delivered_at - d.created_at) s6 "
                + "from intake.appeals a "
                + "join intake.messages msg on msg.appeal_id = a.appeal_id and msg.direction = 'IN' "
                + "join intake.inbound_updates i on i.dedup_key = 'mid:' || msg.external_id "
                + "join intake.outbox o on o.topic = 'appeal.received.v1' and o.record_key = a.appeal_id::text "
                + "join answer.match_decisions m on m.appeal_id = a.appeal_id "
                + "join answer.outbox ao on ao.record_key = a.appeal_id::text "
                + "join intake.outbound_deliveries d on d.appeal_id = a.appeal_id and d.origin = 'OUTBOUND' "
                + "where i.received_at >= ?) select count(*), "
                + String.join(", ", IntStream.rangeClosed(1, 6).mapToObj(k ->
                        "percentile_cont(0.5) within group (order by s" + k + "), "
                                + "percentile_cont(0.95) within group (order by s" + k + ")").toList())
                + " from q";
        String[] names = {"вебхук сохранён → транзакция inbox", "→ публикация outbox intake",
            "→ решение answer-service", "→ публикация outbox answer-service",
            "→ сообщение в очереди доставки intake (её потребитель решений)",
            "→ платформа приняла (работник доставки)"};
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbc);
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    for (int k = 0; k < names.length; k++) {
                        out.put(names[k], new long[] {Math.round(rs.getDouble(2 + 2 * k) * 1000),
                            Math.round(rs.getDouble(3 + 2 * k) * 1000)});
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("[bench] этапы по меткам времени не получены: " + e.getMessage());
        }
        return out;
    }

    /** PostgreSQL backends serving the stack's database (their CPU is the database's share of the run). */
    List<Long> backendPids() {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbc); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pid from pg_stat_activity where datname = current_database()"
                     + " and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            // reported as zero
        }
        return pids;
    }

    private static Long count(Statement st, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1L;
        }
    }
}
