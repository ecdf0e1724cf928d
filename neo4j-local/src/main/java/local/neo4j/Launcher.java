package local.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.io.ByteUnit;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs the real Neo4j engine with its Bolt connector on a loopback address.
 *
 * Arguments: DATA_DIR [PORT] [HOST]; system property neo4j.pagecache.mb sizes the page cache,
 * neo4j.tx.memory.mb and neo4j.tx.total.memory.mb bound the heap one transaction and all of them
 * may use, neo4j.tx.timeout.s bounds how long one may run, neo4j.query.cache.entries sizes the plan cache
 * (Neo4j's default 1000), neo4j.conf names a file of further settings. Prints one line "READY bolt://HOST:PORT" on stdout once Bolt
 * accepts connections, so the Node side can wait for it; stops cleanly on SIGTERM / SIGINT (the
 * JVM runs the shutdown hook) and when its standard input closes, so a crashed parent never leaves
 * an orphaned database behind.
 *
 * Bounded for clients the API does not control (analyst Cypher): no transaction may take more than
 * its share of the heap or run for ever, and Cypher can read no file and fetch no URL: file URLs
 * are off, the import folder is an empty one of its own, and every address is on the engine's
 * IP block list (Community has no LOAD privilege, so this is the wall behind the API's validator).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Launcher DATA_DIR [PORT] [HOST]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 7687;
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("refusing to listen on " + host + ": the local Neo4j listens on loopback only");
            System.exit(2);
        }
        long pageCacheMb = Long.parseLong(System.getProperty("neo4j.pagecache.mb", "512"));
        long txMemoryMb = Long.parseLong(System.getProperty("neo4j.tx.memory.mb", "256"));
        long txTotalMemoryMb = Long.parseLong(System.getProperty("neo4j.tx.total.memory.mb", "1024"));
        long txTimeoutS = Long.parseLong(System.getProperty("neo4j.tx.timeout.s", "60"));
        // How many query plans the database keeps (Neo4j's default: 1000).
        int queryCacheEntries = Integer.parseInt(System.getProperty("neo4j.query.cache.entries", "1000"));
        Files.createDirectories(home);
        Path emptyImport = Files.createDirectories(home.resolve("import-none"));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        // Further settings by name (neo4j.conf syntax), for measurements: they cannot loosen the bounds set below.
        String extra = System.getProperty("neo4j.conf");
        if (extra != null) builder.loadPropertiesFromFile(Path.of(extra));
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                // Timeouts are checked every 100 ms, not every 2 s (the default): a transaction's timeout (the API
                // sets QUERY_TIMEOUT_MS on each) stops it within 0.1 s of its end, before a runaway statement fills
                // its memory limit in the extra seconds.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(txMemoryMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txTotalMemoryMb))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, emptyImport)
                // Internal in 5.26 (no public name yet): every IPv4 and IPv6 address is refused to LOAD CSV.
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.query_cache_size, queryCacheEntries)
                // Bolt's event loops otherwise wait a quiet period of 5 s each (two groups) before they stop,
                // so every stop took 11-14 s with no client connected; the kernel's own shutdown (transactions,
                // checkpoint) is unchanged. Internal in 5.26, no public name.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));

        // Touch the default database so that it is fully started before we announce readiness.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();

        // Parent gone (stdin closed) means nobody can stop us politely any more: stop ourselves.
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input
                }
            } catch (Exception ignored) {
                // treat as closed
            }
            System.exit(0);
        }, "neo4j-local-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();

        stopped.await();
    }
}
