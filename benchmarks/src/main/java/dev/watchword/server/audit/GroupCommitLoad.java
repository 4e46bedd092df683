package dev.watchword.server.audit;

import dev.watchword.benchmarks.server.ResourceSampler;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable audit appends per second through {@link GroupCommit} alone: no HTTP, no Spring
 * Security, no vault reads. N threads each append {@code code.release}-shaped events in a loop,
 * every append waiting, as a code release does, until the batch holding it has committed
 * (SQLite {@code synchronous=FULL}, or PostgreSQL). The beans are the server's own, wired as in
 * production ({@link GroupCommitLoadContext}). Ends by verifying the whole chain.
 *
 * <p>It sits in the server's {@code audit} package because {@link AuditLog}'s collaborators and
 * {@link AuditVerifier} are package-private, as {@code CodeReleaseBenchmark} sits in {@code crypto}.
 *
 * <pre>
 * java -XX:-UseDynamicNumberOfCompilerThreads -cp benchmarks/target/benchmarks.jar \
 *   dev.watchword.server.audit.GroupCommitLoad \
 *   [--threads 32] [--seconds 10] [--warmup 5] [--with-lookup]
 *   [--db-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres']
 * </pre>
 *
 * {@code --with-lookup} adds, per append, the "already released" query a TOTP release makes.
 * With {@code --db-url} the run uses a schema of its own, created and dropped by the run.
 */
public final class GroupCommitLoad {

  private static final int ENTRIES = 8;

  private GroupCommitLoad() {}

  public static void main(String[] args) throws Exception {
    int threads = 32;
    int seconds = 10;
    int warmup = 5;
    boolean lookup = false;
    String dbUrl = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--with-lookup" -> lookup = true;
        case "--db-url" -> dbUrl = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf("Group commit load: %d threads, %d s warm-up, %d s measured, %s%s, %d processors, JDK %s,"
            + " load average %s%n", threads, warmup, seconds, dbUrl == null ? "SQLite" : "PostgreSQL",
        lookup ? ", with the already-released lookup" : "", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), ResourceSampler.loadAverage());
    Path root = Files.createTempDirectory("watchword-group-commit-");
    try (GroupCommitLoadContext database = GroupCommitLoadContext.open(root, dbUrl);
        ResourceSampler sampler = new ResourceSampler(ProcessHandle.current())) {
      AnnotationConfigApplicationContext context = database.context();
      Load load = new Load(context.getBean(GroupCommit.class), context.getBean(AuditLog.class), lookup);
      load.run(threads, Duration.ofSeconds(warmup));
      Result result = load.run(threads, Duration.ofSeconds(seconds));
      report(result, sampler.window(result.startNanos, result.endNanos));
      context.getBean(HeadPublisher.class).flush();
      long verifyStart = System.nanoTime();
      Verification verification = new AuditVerifier(context.getBean(AuditStore.class),
          context.getBean(AuditKeyring.class).keys(), context.getBean(HeadPublisher.class).headFile()).verify();
      System.out.printf("Verification (%.1f s): valid %s, %d events, %d checkpoints, head file %s%n",
          (System.nanoTime() - verifyStart) / 1e9, verification.valid(), verification.events(),
          verification.checkpoints(), verification.headFile());
    } finally {
      GroupCommitLoadContext.deleteRecursively(root);
    }
    System.exit(0);
  }

  private static void report(Result result, ResourceSampler.Window window) {
    double perSecond = result.appends / result.seconds;
    System.out.printf("Appends: %d in %.1f s = %.0f durable appends/s, in %d commits (%.1f per commit)%n",
        result.appends, result.seconds, perSecond, result.batches, (double) result.appends / result.batches);
    System.out.printf("Latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", result.percentile(50),
        result.percentile(90), result.percentile(99), result.percentile(100));
    System.out.printf("CPU: this process %.3f ms per append (%.2f processors busy; %.3f ms without the JIT compiler"
            + " threads), the writer thread %.3f ms per append (%.2f busy)", result.cpuNanos / 1e6 / result.appends,
        result.cpuNanos / 1e9 / result.seconds, (result.cpuNanos - result.jitCpuNanos) / 1e6 / result.appends,
        result.writerCpuNanos / 1e6 / result.appends, result.writerCpuNanos / 1e9 / result.seconds);
    if (window.machineCores().isPresent() && window.serverCores().isPresent()) {
      System.out.printf(", other processes %.2f processors (PostgreSQL's backends among them)",
          Math.max(0, window.machineCores().getAsDouble() - window.serverCores().getAsDouble()));
    }
    System.out.println();
  }

  /** The appending threads and what they count. */
  private static final class Load {

    /** Registered once per batch transaction, so the first unit of each batch counts it. */
    private static final TransactionSynchronization BATCH = new TransactionSynchronization() {};

    private final GroupCommit groupCommit;
    private final AuditLog audit;
    private final boolean lookup;
    private final UserId actor = UserId.random();
    private final VaultId vault = VaultId.random();
    private final List<EntryId> entries = new ArrayList<>();
    private final RequestOrigin origin = new RequestOrigin("127.0.0.1", "GroupCommitLoad", null);
    private final LongAdder batches = new LongAdder();

    Load(GroupCommit groupCommit, AuditLog audit, boolean lookup) {
      this.groupCommit = groupCommit;
      this.audit = audit;
      this.lookup = lookup;
      for (int e = 0; e < ENTRIES; e++) {
        entries.add(EntryId.random());
      }
    }

    Result run(int threads, Duration duration) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<long[]>> futures = new ArrayList<>();
      long batchesBefore = batches.sum();
      long cpuBefore = processCpuNanos();
      long jitBefore = ResourceSampler.compilerCpuNanos(ProcessHandle.current().pid());
      long writerBefore = writerCpuNanos();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Supplier<Void> append = append(entries.get(t % ENTRIES));
        futures.add(pool.submit(() -> {
          long[] latencies = new long[1 << 20];
          int n = 0;
          while (!stop.get() && n < latencies.length) {
            long t0 = System.nanoTime();
            groupCommit.run(append);
            latencies[n++] = System.nanoTime() - t0;
          }
          return Arrays.copyOf(latencies, n);
        }));
      }
      Thread.sleep(duration.toMillis());
      stop.set(true);
      List<long[]> perThread = new ArrayList<>();
      for (Future<long[]> future : futures) {
        perThread.add(future.get());
      }
      long end = System.nanoTime();
      long cpu = processCpuNanos() - cpuBefore;
      long jit = ResourceSampler.compilerCpuNanos(ProcessHandle.current().pid()) - jitBefore;
      long writer = writerCpuNanos() - writerBefore;
      pool.shutdown();
      long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result(all, all.length, batches.sum() - batchesBefore, (end - start) / 1e9, cpu,
          jitBefore < 0 ? -1 : jit, writer, start, end);
    }

    /** One code release's audit work: optionally the already-released lookup, then the append. */
    private Supplier<Void> append(EntryId entry) {
      return () -> {
        Instant now = Instant.now();
        long step = now.getEpochSecond() / 30;
        if (lookup) {
          audit.priorReleases(vault, entry, "code.release", "step=" + step, Instant.ofEpochSecond(step * 30));
        }
        audit.record(AuditEvent.allowed(actor, "load-owner", "code.release", vault, entry, origin)
            .withDetail("step=" + step));
        if (!TransactionSynchronizationManager.getSynchronizations().contains(BATCH)) {
          TransactionSynchronizationManager.registerSynchronization(BATCH);
          batches.increment();
        }
        return null;
      };
    }

    /** The CPU time of the group commit writer: the one thread every append passes through. */
    private static long writerCpuNanos() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (thread != null && thread.getThreadName().equals("audit-group-commit")) {
          return threads.getThreadCpuTime(thread.getThreadId());
        }
      }
      throw new IllegalStateException("no audit-group-commit thread");
    }

    private static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  private record Result(long[] sortedNanos, long appends, long batches, double seconds, long cpuNanos,
      long jitCpuNanos, long writerCpuNanos, long startNanos, long endNanos) {
    double percentile(int p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
      return sortedNanos[Math.max(0, index)] / 1e6;
    }
  }
}
