package io.keygate.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every setting of Keygate, each declared once: its variable, default, bounds and meaning. The
 * typed records ({@link KeygateConfig}, {@link HotPathConfig}, {@link RateLimitConfig}) read these;
 * docs/configuration.md lists them all (a test keeps the two in step).
 */
public final class Settings {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();
  private static final Pattern KUBERNETES_SERVICE_LINK =
      Pattern.compile("KEYGATE_(SERVICE_HOST|SERVICE_PORT(_.*)?|PORT_\\d+_(TCP|UDP|SCTP)(_.*)?)");

  private Settings() {}

  // --- The server ---

  public static final Setting<String> HOST = Setting.text("KEYGATE_HOST", "127.0.0.1",
      "Address the gRPC server binds. Loopback by default: a sidecar serves its own pod.");
  public static final Setting<Integer> PORT = Setting.integer("KEYGATE_PORT", 7070, 0, 65535,
      "gRPC port; 0 picks a free one.");
  public static final Setting<Integer> EXECUTOR_THREADS = Setting.integer("KEYGATE_EXECUTOR_THREADS",
      Math.max(4, 2 * CPUS), 1, 1024, "Threads for work that may block (database lookups, management calls);"
          + " default 2 × CPUs, at least 4.");
  public static final Setting<Integer> MAX_MESSAGE_BYTES = Setting.integer("KEYGATE_MAX_MESSAGE_BYTES", 256 * 1024,
      1024, 64 * 1024 * 1024, "Largest request message accepted.");
  public static final Setting<Integer> MAX_METADATA_BYTES = Setting.integer("KEYGATE_MAX_METADATA_BYTES",
      16 * 1024, 1024, 1024 * 1024, "Largest header block accepted.");
  public static final Setting<Integer> MAX_CONCURRENT_STREAMS = Setting.integer("KEYGATE_MAX_CONCURRENT_STREAMS", 128,
      1, 100_000, "Calls one client connection may have open at once (HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS): a"
          + " client queues its further calls until one ends, so a burst waits in the client instead of in the"
          + " sidecar's memory (gRPC clients and Envoy respect it; Envoy opens another connection).");
  public static final Setting<java.time.Duration> MAX_CONNECTION_IDLE = Setting.seconds(
      "KEYGATE_MAX_CONNECTION_IDLE_SECONDS", 300, 1, 86_400, "A client connection with no call for this long is"
          + " closed (gracefully: GOAWAY; clients reconnect on their next call).");
  public static final Setting<java.time.Duration> MAX_CONNECTION_AGE = Setting.seconds(
      "KEYGATE_MAX_CONNECTION_AGE_SECONDS", 3600, 1, 30L * 86_400, "A client connection is closed after this long"
          + " (GOAWAY, then 30 s for its calls to finish), so none is held forever.");
  public static final Setting<java.time.Duration> SHUTDOWN_GRACE = Setting.seconds("KEYGATE_SHUTDOWN_GRACE_SECONDS",
      10, 0, 600, "Time in-flight calls get to finish on SIGTERM.");
  public static final Setting<String> TOKEN_PREFIX = Setting.text("KEYGATE_TOKEN_PREFIX", "lk_",
      "Prefix of issued secrets: a lower-case letter, up to 15 more letters or digits, then '_'.");
  public static final Setting<HostPort> METRICS_ADDRESS = Setting.address("KEYGATE_METRICS_ADDRESS", "",
      "host:port to serve Prometheus metrics on at /metrics; unset: not served.");
  public static final Setting<java.time.Duration> HEALTH_CHECK_INTERVAL = Setting.seconds(
      "KEYGATE_HEALTH_CHECK_SECONDS", 5, 1, 300, "How often the gRPC health service checks PostgreSQL: management"
          + " services are NOT_SERVING while it does not answer, decision services and the overall status only while"
          + " the cache holds nothing to decide on either (docs/operations.md).");
  public static final Setting<String> LOG_LEVEL = Setting.choice("KEYGATE_LOG_LEVEL", "info",
      List.of("error", "warn", "info", "debug", "trace"), "Level of Keygate's own log (other libraries log"
          + " warnings and errors).");
  public static final Setting<String> LOG_FORMAT = Setting.choice("KEYGATE_LOG_FORMAT", "text",
      List.of("text", "json"), "Format of the log on stderr: text (a line per event, for people) or json (one"
          + " JSON object per line, for log collectors; fields in docs/operations.md). Secrets are redacted in both.");

  // --- Fleet mode: the central tier and its edge sidecars ---

  public static final Setting<List<HostPort>> CENTRAL_ADDRESS = Setting.addresses("KEYGATE_CENTRAL_ADDRESS",
      "host:port of the central tier (a Service, or replicas separated by commas). Set: edge mode, the sidecar holds"
          + " no database connection (lookups, changes, usage and management go to the central tier); needs"
          + " KEYGATE_FLEET_TOKEN. Unset: database mode.");
  public static final Setting<String> FLEET_TOKEN = Setting.secret("KEYGATE_FLEET_TOKEN",
      "The deployment's fleet credential, the same on the central tier and its sidecars (at least 32 characters)."
          + " On a database-mode Keygate it serves the fleet API (keygate.fleet.v1) to edge sidecars. Never logged.");
  public static final Setting<java.time.Duration> CENTRAL_TIMEOUT = Setting.millis("KEYGATE_CENTRAL_TIMEOUT_MS",
      2000, 10, 60_000, "Longest an edge sidecar waits for one lookup at the central tier; then UNAVAILABLE.");
  public static final Setting<Boolean> CENTRAL_TLS = Setting.flag("KEYGATE_CENTRAL_TLS", false,
      "Set: an edge sidecar reaches the central tier over TLS, verifying its certificate (the chain, and the host"
          + " name of KEYGATE_CENTRAL_ADDRESS's first entry) against KEYGATE_CENTRAL_CA_FILE or the JVM's CAs."
          + " For a central tier serving KEYGATE_TLS_CERT_FILE.");
  public static final Setting<java.nio.file.Path> CENTRAL_CA_FILE = Setting.path("KEYGATE_CENTRAL_CA_FILE", "",
      "PEM CA certificates an edge sidecar trusts for the central tier's certificate; needs KEYGATE_CENTRAL_TLS."
          + " Unset: the JVM's CAs.");

  // --- TLS of the gRPC port ---

  public static final Setting<java.nio.file.Path> TLS_CERT_FILE = Setting.path("KEYGATE_TLS_CERT_FILE", "",
      "PEM certificate chain (the server's certificate first) served on the gRPC port; with KEYGATE_TLS_KEY_FILE."
          + " Unset: plaintext, the sidecar's default on loopback. Reloaded when the file changes.");
  public static final Setting<java.nio.file.Path> TLS_KEY_FILE = Setting.path("KEYGATE_TLS_KEY_FILE", "",
      "PEM private key of KEYGATE_TLS_CERT_FILE (PKCS #8, or PKCS #1 RSA / SEC1 EC; not encrypted). Never logged.");
  public static final Setting<java.nio.file.Path> TLS_CLIENT_CA_FILE = Setting.path("KEYGATE_TLS_CLIENT_CA_FILE",
      "", "PEM CA certificates; set: every client must present a certificate that chains to one of them (mTLS)."
          + " Needs KEYGATE_TLS_CERT_FILE. Reloaded when the file changes.");
  public static final Setting<java.time.Duration> TLS_RELOAD = Setting.seconds("KEYGATE_TLS_RELOAD_SECONDS", 60, 1,
      86_400, "How often the TLS files are read again; changed files replace the certificate, key or client CAs"
          + " for new connections (a file that does not load keeps the previous one, with a warning).");

  // --- The database ---

  public static final Setting<String> DATABASE_URL = Setting.text("KEYGATE_DATABASE_URL", "",
      "JDBC URL of PostgreSQL, e.g. jdbc:postgresql://db:5432/keygate. Unset: an embedded PostgreSQL in"
          + " KEYGATE_DATA_DIR.");
  public static final Setting<String> DATABASE_USER = Setting.text("KEYGATE_DATABASE_USER", "keygate",
      "Database user.");
  public static final Setting<String> DATABASE_PASSWORD = Setting.secret("KEYGATE_DATABASE_PASSWORD",
      "Database password. Never logged.");
  public static final Setting<Integer> DATABASE_POOL_SIZE = Setting.integer("KEYGATE_DATABASE_POOL_SIZE", 8, 1, 200,
      "JDBC connections in the pool.");
  public static final Setting<java.nio.file.Path> DATA_DIR = Setting.path("KEYGATE_DATA_DIR",
      System.getProperty("user.home") + "/.keygate", "Where the embedded PostgreSQL keeps its data, across"
          + " restarts (default ~/.keygate).");
  public static final Setting<Boolean> MIGRATE = Setting.flag("KEYGATE_MIGRATE", true,
      "Apply pending migrations at start; false only checks that the schema is current (for fleets whose"
          + " migrations run as a separate step, as the Helm chart's hook does).");

  // --- The decision path ---

  public static final Setting<java.time.Duration> CACHE_TTL = Setting.seconds("KEYGATE_CACHE_TTL_SECONDS", 30, 0,
      3600, "Longest a cached key record is served without reloading it: the staleness bound when changes"
          + " cannot be followed. 0 turns the cache off.");
  public static final Setting<java.time.Duration> NEGATIVE_CACHE_TTL = Setting.seconds(
      "KEYGATE_NEGATIVE_CACHE_TTL_SECONDS", 10, 0, 3600, "How long an unknown secret is remembered as unknown.");
  public static final Setting<Integer> CACHE_MAX_ENTRIES = Setting.integer("KEYGATE_CACHE_MAX_ENTRIES", 100_000, 1,
      10_000_000, "Bound of the key cache and, separately, of the negative cache.");
  public static final Setting<Boolean> CHANGE_FEED = Setting.flag("KEYGATE_CHANGE_FEED", true,
      "Follow the change log (LISTEN/NOTIFY) so changes made anywhere reach this cache at once; false relies"
          + " on KEYGATE_CACHE_TTL_SECONDS alone (poolers that cannot LISTEN, such as PgBouncer in transaction"
          + " mode).");
  public static final Setting<java.time.Duration> CHANGE_LOG_RETENTION = Setting.seconds(
      "KEYGATE_CHANGE_LOG_RETENTION_SECONDS", 86_400, 60, 30L * 86_400, "How long the change log keeps its rows: a"
          + " feed that was away for less replays what it missed; one away longer drops its cache.");
  public static final Setting<java.time.Duration> USAGE_FLUSH = Setting.seconds("KEYGATE_USAGE_FLUSH_SECONDS", 10, 1,
      3600, "How often last-used times and request counts are written, in one batch.");
  public static final Setting<java.nio.file.Path> ROUTES_FILE = Setting.path("KEYGATE_ROUTES_FILE", "",
      "The route table (HTTP method + path pattern -> permission); unset: none.");
  public static final Setting<Integer> XFF_TRUSTED_HOPS = Setting.integer("KEYGATE_XFF_TRUSTED_HOPS", 0, 0, 16,
      "Proxies in front of Envoy that append to x-forwarded-for; 0 takes the client IP from the connection.");

  // --- Rate limits ---

  public static final Setting<String> REDIS_URL = Setting.text("KEYGATE_REDIS_URL", "",
      "redis://host:port (rediss:// for TLS) of the shared counters; a comma-separated list of seed nodes in"
          + " cluster mode. Unset: counted in-process, for a single sidecar.");
  public static final Setting<String> REDIS_MODE = Setting.choice("KEYGATE_REDIS_MODE", "standalone",
      List.of("standalone", "cluster"), "Redis deployment.");
  public static final Setting<String> REDIS_PASSWORD = Setting.secret("KEYGATE_REDIS_PASSWORD",
      "Redis password; overrides one in the URL. Never logged.");
  public static final Setting<java.time.Duration> REDIS_TIMEOUT = Setting.millis("KEYGATE_REDIS_TIMEOUT_MS", 100, 1,
      10_000, "Longest one Redis round trip may take before the failure mode applies.");
  public static final Setting<Integer> REDIS_MAX_QUEUED = Setting.integer("KEYGATE_REDIS_MAX_QUEUED", 1000, 1,
      1_000_000, "Commands that may wait for Redis; more are refused at once.");
  public static final Setting<Boolean> RATE_LIMIT_LEASING = Setting.flag("KEYGATE_RATE_LIMIT_LEASING", true,
      "With Redis: true leases slices of each counter's allowance and spends them in the sidecar (about 5 Redis"
          + " calls per 1,000 decisions instead of 1,000; the limit still holds across the fleet, and tenants with"
          + " exact_rate_limits are counted per request); false counts every request of every tenant in Redis.");
  public static final Setting<String> RATE_LIMIT_FAILURE = Setting.choice("KEYGATE_RATE_LIMIT_FAILURE", "open",
      List.of("open", "closed"), "When Redis fails: open counts in-process and keeps serving (marked degraded);"
          + " closed denies with 503 rate_limiter_unavailable.");
  public static final Setting<Long> AUTH_FAILURE_LIMIT = Setting.count("KEYGATE_AUTH_FAILURE_LIMIT", 100,
      1_000_000_000L, "The deployment's flood guard: refused credentials (malformed, unknown, revoked, expired, wrong"
          + " transport) a client may send per window; beyond it the client's refused credentials get 429 without a"
          + " lookup, and its valid keys too where the tenant says so (auth_failure_guard_blocks_valid_keys)."
          + " 0 turns the guard off.");
  public static final Setting<java.time.Duration> AUTH_FAILURE_WINDOW = Setting.seconds(
      "KEYGATE_AUTH_FAILURE_WINDOW_SECONDS", 900, 1, 86_400, "Window of KEYGATE_AUTH_FAILURE_LIMIT.");
  public static final Setting<Long> FLAGGED_LOOKUPS = Setting.count("KEYGATE_FLAGGED_LOOKUPS_PER_MINUTE", 10,
      1_000_000L, "Lookups of credentials not in the cache that a client over KEYGATE_AUTH_FAILURE_LIMIT may still"
          + " make per minute, so its valid keys can be recognised; beyond them 429 without a lookup. 0: none.");

  // --- The command-line client (management commands, authorize) ---

  public static final Setting<String> API_KEY = Setting.secret("KEYGATE_API_KEY",
      "The credential the keygate management commands send. Only ever read from the environment.");
  public static final Setting<String> ADDRESS = Setting.text("KEYGATE_ADDRESS", "127.0.0.1:7070",
      "Default --address of the keygate management commands.");
  public static final Setting<Boolean> CLI_TLS = Setting.flag("KEYGATE_CLI_TLS", false,
      "Default --tls of the keygate commands that call Keygate: TLS, the server verified against the JVM's"
          + " trusted CAs unless KEYGATE_CLI_CA_FILE is set.");
  public static final Setting<java.nio.file.Path> CLI_CA_FILE = Setting.path("KEYGATE_CLI_CA_FILE", "",
      "Default --ca of the keygate commands: PEM CA certificates the server's certificate must chain to (implies"
          + " TLS).");
  public static final Setting<java.nio.file.Path> CLI_CERT_FILE = Setting.path("KEYGATE_CLI_CERT_FILE", "",
      "Default --cert of the keygate commands: PEM client certificate chain, for a Keygate that requires one"
          + " (mTLS); with KEYGATE_CLI_KEY_FILE.");
  public static final Setting<java.nio.file.Path> CLI_KEY_FILE = Setting.path("KEYGATE_CLI_KEY_FILE", "",
      "Default --cert-key of the keygate commands: PEM private key of KEYGATE_CLI_CERT_FILE.");
  public static final Setting<String> CLI_SERVER_NAME = Setting.text("KEYGATE_CLI_SERVER_NAME", "",
      "Default --server-name of the keygate commands: the name the server's certificate must carry, when it is"
          + " not the host of --address (e.g. through kubectl port-forward).");

  /** Every setting, in declaration order. */
  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>();
    for (Field field : Settings.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
        try {
          all.add((Setting<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return all;
  }

  /**
   * The {@code KEYGATE_*} variables of {@code env} that are no setting — typically a typo. The
   * variables Kubernetes defines for a Service named {@code keygate} are not reported.
   */
  public static Set<String> unknown(Map<String, String> env) {
    Set<String> known = new TreeSet<>();
    all().forEach(s -> known.add(s.name()));
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("KEYGATE_") && !known.contains(name) && !KUBERNETES_SERVICE_LINK.matcher(name).matches()) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
