package dev.watchword.benchmarks.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the server's resident memory and CPU time, and the driver's own CPU time, a few times
 * a second, so that the report can say what they were during the measured window alone.
 */
public final class ResourceSampler implements AutoCloseable {

  private static final Duration PERIOD = Duration.ofMillis(250);

  /**
   * One reading; {@code -1} where a figure could not be read. The machine's busy and total
   * times are {@code /proc/stat} ticks summed over all processors.
   */
  private record Sample(long nanoTime, long serverRssKib, long serverCpuNanos, long driverCpuNanos,
      long machineBusyTicks, long machineTotalTicks) {}

  /**
   * What the samples inside one window say; CPU figures in processors kept busy on average.
   * {@code machineCores} counts every process, so what it has beyond the server and the driver
   * is other load on the machine.
   */
  public record Window(OptionalLong peakServerRssKib, OptionalDouble serverCores, OptionalDouble driverCores,
      OptionalDouble machineCores) {

    /** The machine's busy processors beyond the server and the driver: other load. */
    public OptionalDouble otherCores() {
      if (serverCores.isEmpty() || driverCores.isEmpty() || machineCores.isEmpty()) {
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(Math.max(0,
          machineCores.getAsDouble() - serverCores.getAsDouble() - driverCores.getAsDouble()));
    }
  }

  private final ProcessHandle server;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "resource-sampler");
    thread.setDaemon(true);
    return thread;
  });

  public ResourceSampler(ProcessHandle server) {
    this.server = server;
    timer.scheduleAtFixedRate(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sample() {
    long[] machineTicks = machineTicks();
    Sample sample = new Sample(System.nanoTime(),
        ServerMemory.rssKib(server.pid()).orElse(-1),
        cpuNanos(server),
        cpuNanos(ProcessHandle.current()),
        machineTicks[0], machineTicks[1]);
    synchronized (samples) {
      samples.add(sample);
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /** The samples taken between two {@link System#nanoTime()} readings. */
  public Window window(long startNanos, long endNanos) {
    List<Sample> inside;
    synchronized (samples) {
      inside = samples.stream().filter(s -> s.nanoTime() >= startNanos && s.nanoTime() <= endNanos).toList();
    }
    OptionalLong peak = inside.stream().mapToLong(Sample::serverRssKib).filter(kib -> kib >= 0).max();
    if (inside.size() < 2) {
      return new Window(peak, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
    Sample first = inside.get(0);
    Sample last = inside.get(inside.size() - 1);
    double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
    return new Window(peak,
        cores(first.serverCpuNanos(), last.serverCpuNanos(), seconds),
        cores(first.driverCpuNanos(), last.driverCpuNanos(), seconds),
        machineCores(first, last));
  }

  private static OptionalDouble machineCores(Sample first, Sample last) {
    long total = last.machineTotalTicks() - first.machineTotalTicks();
    if (first.machineTotalTicks() < 0 || total <= 0) {
      return OptionalDouble.empty();
    }
    double busyShare = (double) (last.machineBusyTicks() - first.machineBusyTicks()) / total;
    return OptionalDouble.of(busyShare * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Busy and total ticks from the first line of {@code /proc/stat}: user, nice, system, idle,
   * iowait, irq, softirq, steal (guest time is already inside user); idle and iowait are not busy.
   */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        long ticks = Long.parseLong(fields[i]);
        total += ticks;
        if (i == 4 || i == 5) {
          idle += ticks;
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  private static OptionalDouble cores(long firstNanos, long lastNanos, double seconds) {
    return firstNanos < 0 || lastNanos < 0 || seconds <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((lastNanos - firstNanos) / 1e9 / seconds);
  }

  /**
   * CPU time so far of the JVM's JIT compiler threads in process {@code pid} ({@code C1/C2
   * CompilerThre…} in {@code /proc/<pid>/task/<tid>/stat}), or -1: warm-up work, which on two busy
   * cores goes on long after a load starts. Counts only live threads, so the JVM should run with
   * {@code -XX:-UseDynamicNumberOfCompilerThreads}. Assumes 100 clock ticks a second.
   */
  public static long compilerCpuNanos(long pid) {
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      long ticks = 0;
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          String[] fields = stat.substring(close + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }
      }
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or {@code "?"}: other work on the machine. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
