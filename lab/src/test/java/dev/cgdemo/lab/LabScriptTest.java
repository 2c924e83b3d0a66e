package dev.cgdemo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab end to end, as a user runs it: its own JVM (the test's class path instead of the shaded jar),
 * an embedded broker, three consumer processes and a script; only its output and exit code are checked.
 */
class LabScriptTest {
    private static final Pattern STEP = Pattern.compile("^after '([^']+)':\\s+(.*)$");
    private static final Pattern MEMBER = Pattern.compile("(consumer-\\d+)=\\[([0-9, ]*)]");
    private static final Pattern PID = Pattern.compile("started (consumer-\\d+) \\(pid (\\d+)\\)");
    private static final Pattern DATA_DIR = Pattern.compile("data: (\\S+)");
    private static final Pattern OUTPUT_DIR = Pattern.compile("consumer output: (\\S+)");
    private static final Pattern REPEATED = Pattern.compile("(\\d+)=\\[");

    @TempDir
    Path workDir;

    private record Run(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        List<String> summary() {
            int header = lines.indexOf("=== lab summary ===");
            if (header < 0) {
                throw new AssertionError("no summary in:\n" + text());
            }
            return lines.subList(header + 1, lines.size());
        }

        /** The summary's steps in order: command and ownership (consumer id to its partitions). */
        List<Map.Entry<String, Map<String, List<Integer>>>> steps() {
            List<Map.Entry<String, Map<String, List<Integer>>>> steps = new ArrayList<>();
            for (String line : summary()) {
                Matcher matcher = STEP.matcher(line);
                if (!matcher.matches()) {
                    continue;
                }
                assertThat(matcher.group(2)).as("group settled after '%s'", matcher.group(1)).doesNotContain("not settled");
                Map<String, List<Integer>> owners = new TreeMap<>();
                Matcher member = MEMBER.matcher(matcher.group(2));
                while (member.find()) {
                    owners.put(member.group(1), member.group(2).isBlank() ? List.of()
                            : Arrays.stream(member.group(2).split(",\\s*")).map(Integer::valueOf).toList());
                }
                steps.add(Map.entry(matcher.group(1), owners));
            }
            return steps;
        }

        /** The partitions the summary names as consumed twice ({@code consumed twice: N (partition=offsets: {1=[..]})}). */
        List<Integer> partitionsConsumedTwice() {
            String line = summary().stream().filter(l -> l.startsWith("consumed twice: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'consumed twice' in:\n" + text()));
            List<Integer> partitions = new ArrayList<>();
            Matcher matcher = REPEATED.matcher(line);
            while (matcher.find()) {
                partitions.add(Integer.valueOf(matcher.group(1)));
            }
            return partitions;
        }

        /** {@code rebalance #N settled (cause): ...}, one per rebalance the group's history counted. */
        List<String> rebalanceLines() {
            return lines.stream().filter(line -> line.startsWith("rebalance #")).toList();
        }

        long figure(String label) {
            return summary().stream().filter(line -> line.startsWith(label + ": ")).findFirst()
                    .map(line -> Long.parseLong(line.substring(label.length() + 2).split(" ")[0]))
                    .orElseThrow(() -> new AssertionError("no '" + label + "' in:\n" + text()));
        }
    }

    private Run lab(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LabMain.class.getName()));
        command.addAll(List.of(args));
        // no web view: these runs must not take port 8080 from anything else on the machine (LabPageTest has it on)
        command.addAll(List.of("--ui-port", "0"));
        Path output = workDir.resolve("lab.out");
        Process lab = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        boolean exited = lab.waitFor(150, TimeUnit.SECONDS);
        if (!exited) {
            lab.descendants().forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
            throw new AssertionError("lab did not finish in 150 s:\n" + Files.readString(output));
        }
        return new Run(lab.exitValue(), Files.readAllLines(output));
    }

    @Test
    void theArticlesWalkthroughLosesNothingAndLeavesNothingBehind() throws Exception {
        Run run = lab("--script", "wait 3; kill 2; wait 3; kill 3; wait 3", "--rate", "20");

        assertThat(run.exitCode()).as(run.text()).isZero();

        var steps = run.steps();
        assertThat(steps).extracting(Map.Entry::getKey)
                .containsExactly("start", "wait 3", "kill 2", "wait 3", "kill 3", "wait 3");

        Map<String, List<Integer>> start = steps.get(0).getValue();
        assertThat(start).as("one partition each").containsOnlyKeys("consumer-1", "consumer-2", "consumer-3");
        assertThat(start.values()).allSatisfy(owned -> assertThat(owned).hasSize(1));
        assertThat(start.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2);

        Map<String, List<Integer>> afterKill2 = steps.get(2).getValue();
        assertThat(afterKill2).as("consumer-2's partition went to a survivor").containsOnlyKeys("consumer-1", "consumer-3");
        assertThat(afterKill2.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(afterKill2.get("consumer-1")).as("survivors keep theirs").containsAll(start.get("consumer-1"));
        assertThat(afterKill2.get("consumer-3")).as("survivors keep theirs").containsAll(start.get("consumer-3"));

        assertThat(steps.get(4).getValue()).containsExactly(Map.entry("consumer-1", List.of(0, 1, 2)));
        assertThat(steps.get(5).getValue()).containsExactly(Map.entry("consumer-1", List.of(0, 1, 2)));

        long produced = run.figure("records produced");
        assertThat(produced).isPositive();
        assertEveryRecordProcessedPerTheAudit(run, produced);
        assertThat(run.figure("records consumed")).as("what the consumers printed, with no repeats").isEqualTo(produced);
        assertThat(run.figure("consumed twice")).as("clean stops commit what they processed").isZero();
        assertThat(run.rebalanceLines()).as("one rebalance line per rebalance the history counted")
                .hasSize((int) run.figure("rebalances seen"));
        assertThat(run.rebalanceLines()).filteredOn(line -> line.contains("settled (leave)"))
                .as("each kill is one rebalance, caused by a leave").hasSize(2);
        assertThat(run.text()).contains("RESULT: OK, nothing lost").contains("first record consumed");

        assertNothingLeftBehind(run);
    }

    @Test
    void aCrashedMemberOfAConsumerProtocolGroupLosesNothing() throws Exception {
        Run run = lab("--protocol", "consumer", "--script", "wait 2; crash 2; wait 2", "--rate", "20",
                "--broker-config", "group.consumer.session.timeout.ms=6000");

        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("PROTOCOL consumer");

        var steps = run.steps();
        assertThat(steps).extracting(Map.Entry::getKey).containsExactly("start", "wait 2", "crash 2", "wait 2");
        Map<String, List<Integer>> start = steps.get(0).getValue();
        assertThat(start).containsOnlyKeys("consumer-1", "consumer-2", "consumer-3");
        assertThat(start.values()).allSatisfy(owned -> assertThat(owned).hasSize(1));

        Map<String, List<Integer>> afterCrash = steps.get(2).getValue();
        assertThat(afterCrash).as("after the session timeout the survivors own everything")
                .containsOnlyKeys("consumer-1", "consumer-3");
        assertThat(afterCrash.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2);

        long produced = run.figure("records produced");
        assertThat(produced).isPositive();
        // A crash may re-deliver what consumer-2 processed but had not committed, never skip it.
        assertEveryRecordProcessedPerTheAudit(run, produced);
        assertThat(run.rebalanceLines()).filteredOn(line -> line.contains("settled (crash)"))
                .as("the crash is one rebalance, and the history tells it was a crash").hasSize(1);
        // A crash re-delivers only what consumer-2 processed but had not committed: offsets of its own partition.
        // The survivors' partitions never move (their owners stay), so nothing of theirs is consumed twice.
        List<Integer> crashedOwned = steps.get(1).getValue().get("consumer-2");
        assertThat(run.partitionsConsumedTwice()).as("partitions with offsets consumed twice; consumer-2 owned %s", crashedOwned)
                .isSubsetOf(crashedOwned);
        assertThat(run.partitionsConsumedTwice().isEmpty()).as("consumed twice only when a partition is named")
                .isEqualTo(run.figure("consumed twice") == 0);

        assertNothingLeftBehind(run);
    }

    /**
     * Lost is from the audit (below the committed offsets, never processed); processed counts distinct offsets
     * from the audit, so equal to the records in the log it says every offset of every partition was processed.
     */
    private static void assertEveryRecordProcessedPerTheAudit(Run run, long produced) {
        assertThat(run.figure("lost")).isZero();
        assertThat(run.figure("records processed")).as("distinct offsets processed").isEqualTo(produced);
        assertThat(run.summary()).noneMatch(line -> line.startsWith("not consumed"));
        assertThat(run.text()).contains("RESULT: OK, nothing lost");
    }

    private static void assertNothingLeftBehind(Run run) {
        List<Long> pids = new ArrayList<>();
        Optional<Path> dataDir = Optional.empty();
        for (String line : run.lines()) {
            Matcher pid = PID.matcher(line);
            if (pid.find()) {
                pids.add(Long.parseLong(pid.group(2)));
            }
            Matcher dir = DATA_DIR.matcher(line);
            if (dir.find() && dataDir.isEmpty()) {
                dataDir = Optional.of(Path.of(dir.group(1)));
            }
        }
        assertThat(pids).hasSize(3);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("consumer process %d still running", pid).isEmpty());
        assertThat(dataDir).as("broker data dir printed").isPresent();
        assertThat(dataDir.get()).as("broker data removed").doesNotExist();
        Optional<Path> outputDir = run.lines().stream().map(OUTPUT_DIR::matcher).filter(Matcher::find)
                .map(m -> Path.of(m.group(1))).findFirst();
        assertThat(outputDir).as("consumer output dir printed").isPresent();
        assertThat(outputDir.get()).as("consumer output removed when nothing was lost").doesNotExist();
    }
}
