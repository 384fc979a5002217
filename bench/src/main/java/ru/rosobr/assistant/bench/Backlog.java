package ru.rosobr.assistant.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
