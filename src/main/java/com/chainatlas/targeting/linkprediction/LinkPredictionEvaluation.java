package com.chainatlas.targeting.linkprediction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluation command (评估命令) for supply-network link prediction: hold out a seeded random share
 * of the relations, score the held-out relations (positives) and as many type-matched unrelated
 * customer–supplier pairs (negatives) from the remaining relations only, and print the ROC-AUC and
 * time per method as a table. See {@link HoldOutSplit} for the exact protocol and {@link RocAuc}
 * for the AUC (ties count ½).
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.chainatlas.targeting.linkprediction.LinkPredictionEvaluation \
 *     -Dexec.args="relations.csv --seed 42 --holdout 0.1 --methods l3,l3-ra,cn,aa,ra,jaccard,pa"
 * </pre>
 *
 * The CSV has the header {@code customer,supplier} (names or ids, UTF-8). Instead of a file,
 * {@code --generate FIRMS} evaluates on a generated automotive-like network with planted structure
 * ({@link PlantedSupplyNetworkGenerator}; {@code --relations-per-firm}, {@code --noise}).
 */
public final class LinkPredictionEvaluation {

    /** One method's outcome. */
    record MethodResult(LinkPredictionMethod method, double rocAuc, long millis) {
    }

    private LinkPredictionEvaluation() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static final String USAGE = """
            usage: LinkPredictionEvaluation <relations.csv> [--seed N] [--holdout F] [--methods m1,m2,...]
                   LinkPredictionEvaluation --generate FIRMS [--relations-per-firm R] [--noise P] [options above]
              relations.csv  UTF-8, header customer,supplier (names or ids); blank lines ignored
              --seed         random seed for the hold-out and negatives (default 42)
              --holdout      share of relations held out for testing, in (0,1) (default 0.1)
              --methods      comma-separated codes (default all): """ + String.join(",",
            Arrays.stream(LinkPredictionMethod.values()).map(LinkPredictionMethod::code).toList());

    static void run(String[] args, PrintStream out) throws IOException {
        Path file = null;
        Integer generate = null;
        long seed = 42;
        double holdout = 0.1;
        double relationsPerFirm = 3.4;
        double noise = 0.2;
        List<LinkPredictionMethod> methods = List.of(LinkPredictionMethod.values());
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--holdout" -> holdout = Double.parseDouble(value(args, ++i, a));
                case "--generate" -> generate = Integer.parseInt(value(args, ++i, a));
                case "--relations-per-firm" -> relationsPerFirm = Double.parseDouble(value(args, ++i, a));
                case "--noise" -> noise = Double.parseDouble(value(args, ++i, a));
                case "--methods" -> methods = Arrays.stream(value(args, ++i, a).split(","))
                        .filter(s -> !s.isBlank()).map(LinkPredictionMethod::fromCode).distinct().toList();
                default -> {
                    if (a.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument: " + a);
                    }
                    file = Path.of(a);
                }
            }
        }
        if ((file == null) == (generate == null)) {
            throw new IllegalArgumentException("give either a CSV file or --generate FIRMS");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("--methods lists no method");
        }
        SupplyNetwork network;
        String source;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            SupplyRelationCsv.Result csv = SupplyRelationCsv.read(file);
            source = file.toString();
            out.printf("read %s: %d relations, %d duplicate rows ignored, %d bad rows%n",
                    file, csv.relations().size(), csv.duplicates(), csv.badRows().size());
            csv.badRows().stream().limit(20).forEach(b -> out.printf("  bad row at line %d: %s%n", b.line(), b.reason()));
            if (csv.badRows().size() > 20) {
                out.printf("  … and %d more bad rows%n", csv.badRows().size() - 20);
            }
            if (csv.relations().isEmpty()) {
                throw new IllegalArgumentException(file + " holds no valid relation");
            }
            network = SupplyNetwork.of(csv.relations());
        } else {
            source = String.format(Locale.ROOT, "generated (firms %d, relations/firm %.2f, noise %.2f, seed %d)",
                    generate, relationsPerFirm, noise, seed);
            network = SupplyNetwork.of(PlantedSupplyNetworkGenerator.generate(generate, relationsPerFirm, noise, seed));
        }
        HoldOutSplit split = new HoldOutSplit(network, holdout, seed);
        out.printf("network: %s%n", source);
        out.printf("  firms (nodes) %d (customers %d, suppliers %d), relations %d%n",
                network.firmCount(), network.customerCount(), network.supplierCount(), network.relationCount());
        out.printf(Locale.ROOT, "  hold-out %.0f%% (seed %d): %d relations held out, %d dropped (customer or supplier lost all its relations)%n",
                holdout * 100, seed, split.heldOut(), split.droppedPositives());
        out.printf("  test pairs: %d positive + %d negative; scores from the %d training relations%n",
                split.positives().length, split.negatives().length, split.training().relationCount());
        List<MethodResult> results = evaluate(split, methods, out);
        out.println();
        out.printf("%-8s %8s %10s%n", "method", "ROC-AUC", "time (ms)");
        for (MethodResult r : results) {
            out.printf(Locale.ROOT, "%-8s %8.4f %10d%n", r.method().code(), r.rocAuc(), r.millis());
        }
    }

    /**
     * Scores every method on the split. The time per method covers building its scorer on the
     * training network (for {@code stack}: training it, also printed apart) and scoring all test
     * pairs; the undirected projection the JGraphT indices share is built once beforehand and its
     * time printed separately.
     */
    static List<MethodResult> evaluate(HoldOutSplit split, List<LinkPredictionMethod> methods, PrintStream out) {
        ScoringContext context = new ScoringContext(split.training());
        if (methods.stream().anyMatch(m -> m.ordinal() <= LinkPredictionMethod.PREFERENTIAL_ATTACHMENT.ordinal())) {
            long t0 = System.nanoTime();
            context.projection();
            out.printf("  undirected projection for the JGraphT indices built in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        List<MethodResult> results = new ArrayList<>();
        for (LinkPredictionMethod method : methods) {
            long t0 = System.nanoTime();
            double auc = split.rocAuc(method.newScorer(context));
            results.add(new MethodResult(method, auc, (System.nanoTime() - t0) / 1_000_000));
            if (method == LinkPredictionMethod.STACKED) {
                StackedLinkPrediction.Model model = context.stackedModel();
                out.printf("  %s: %s in %d ms (included in its time)%n", method.code(), model.trained()
                        ? "model trained on " + model.examples() + " inner examples"
                        : "network too small to train, fell back to l3-pop", context.stackedTrainingMillis());
            }
        }
        return results;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
