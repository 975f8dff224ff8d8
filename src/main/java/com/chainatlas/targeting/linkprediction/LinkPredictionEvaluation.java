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
 * of the relations, score the held-out relations (positives) and as many unrelated customer–supplier
 * pairs (negatives, drawn by each {@link NegativeProtocol} asked for) from the remaining relations
 * only, and print per protocol and method the ROC-AUC ({@link RocAuc}, ties count ½), the pooled
 * average precision (AUC-PR) and the per-firm ranking metrics ROC-AUC per firm, hits@10, MRR and mean average
 * precision ({@link PerFirmRanking}), with the time. See {@link HoldOutSplit} for the exact protocol.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.chainatlas.targeting.linkprediction.LinkPredictionEvaluation \
 *     -Dexec.args="relations.csv --seed 42 --holdout 0.1 --negatives uniform,same-customer --methods stack,l3-pop"
 * </pre>
 *
 * The CSV has the header {@code customer,supplier} (names or ids, UTF-8). Instead of a file,
 * {@code --generate FIRMS} evaluates on a generated automotive-like network with planted structure
 * ({@link PlantedSupplyNetworkGenerator}; {@code --relations-per-firm}, {@code --noise}). Transfer mode
 * {@code --train-on SOURCE} (a CSV, or {@code generated:FIRMS}) trains the learning methods on all of
 * SOURCE instead of the evaluated network's training part, and scores the evaluated network with
 * them (features from its training part): does a model learnt on one network carry over to another?
 */
public final class LinkPredictionEvaluation {

    /** One method's outcome under one protocol. */
    record MethodResult(LinkPredictionMethod method, NegativeProtocol protocol, double rocAuc, double averagePrecision,
                        PerFirmRanking.Result ranking, long millis) {
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
                                            [--negatives p1,p2,...] [--candidates K] [--train-on SOURCE]
                   LinkPredictionEvaluation --generate FIRMS [--relations-per-firm R] [--noise P] [options above]
              relations.csv  UTF-8, header customer,supplier (names or ids); blank lines ignored
              --seed         random seed for the hold-out and negatives (default 42)
              --holdout      share of relations held out for testing, in (0,1) (default 0.1)
              --negatives    comma-separated protocols, or all (default uniform): uniform, same-customer, same-supplier
              --candidates   unrelated firms each customer's (same-supplier: supplier's) held-out partners are
                             ranked among for hits@10, MRR and MAP (default 100)
              --train-on     transfer mode: train the learning methods on all of SOURCE (a CSV or generated:FIRMS,
                             with --relations-per-firm / --noise) and score the evaluated network with them
              --methods      comma-separated codes (default all): """ + String.join(",",
            Arrays.stream(LinkPredictionMethod.values()).map(LinkPredictionMethod::code).toList());

    static void run(String[] args, PrintStream out) throws IOException {
        String file = null;
        Integer generate = null;
        String trainOn = null;
        long seed = 42;
        double holdout = 0.1;
        double relationsPerFirm = 3.4;
        double noise = 0.2;
        int candidates = PerFirmRanking.DEFAULT_CANDIDATES;
        List<LinkPredictionMethod> methods = List.of(LinkPredictionMethod.values());
        List<NegativeProtocol> protocols = List.of(NegativeProtocol.UNIFORM);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--holdout" -> holdout = Double.parseDouble(value(args, ++i, a));
                case "--generate" -> generate = Integer.parseInt(value(args, ++i, a));
                case "--relations-per-firm" -> relationsPerFirm = Double.parseDouble(value(args, ++i, a));
                case "--noise" -> noise = Double.parseDouble(value(args, ++i, a));
                case "--candidates" -> candidates = Integer.parseInt(value(args, ++i, a));
                case "--train-on" -> trainOn = value(args, ++i, a);
                case "--methods" -> methods = Arrays.stream(value(args, ++i, a).split(","))
                        .filter(x -> !x.isBlank()).map(LinkPredictionMethod::fromCode).distinct().toList();
                case "--negatives" -> {
                    String v = value(args, ++i, a);
                    protocols = v.strip().equalsIgnoreCase("all") ? List.of(NegativeProtocol.values())
                            : Arrays.stream(v.split(",")).filter(x -> !x.isBlank()).map(NegativeProtocol::fromCode)
                                    .distinct().toList();
                }
                default -> {
                    if (a.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument: " + a);
                    }
                    file = a;
                }
            }
        }
        if ((file == null) == (generate == null)) {
            throw new IllegalArgumentException("give either a CSV file or --generate FIRMS");
        }
        if (methods.isEmpty() || protocols.isEmpty()) {
            throw new IllegalArgumentException("--methods or --negatives lists nothing");
        }
        String generated = generate == null ? null : "generated:" + generate;
        SupplyTieNetwork network = load(file != null ? file : generated, relationsPerFirm, noise, seed, out);
        List<HoldOutSplit> splits = new ArrayList<>();
        for (NegativeProtocol p : protocols) {
            splits.add(new HoldOutSplit(network, holdout, seed, p));
        }
        HoldOutSplit first = splits.get(0);
        out.printf("network: %s%n", file != null ? file : String.format(Locale.ROOT,
                "generated (firms %d, relations/firm %.2f, noise %.2f, seed %d)", generate, relationsPerFirm, noise, seed));
        out.printf("  firms (nodes) %d (customers %d, suppliers %d), relations %d%n",
                network.firmCount(), network.customerCount(), network.supplierCount(), network.relationCount());
        out.printf(Locale.ROOT, "  hold-out %.0f%% (seed %d): %d relations held out, %d dropped (customer or supplier lost all its relations)%n",
                holdout * 100, seed, first.heldOut(), first.droppedPositives());
        out.printf("  test pairs: %d positive + as many negatives per protocol; scores from the %d training relations%n",
                first.positives().length, first.training().relationCount());
        ScoringContext context;
        if (trainOn != null) {
            SupplyTieNetwork source = load(trainOn, relationsPerFirm, noise, seed + 1, out);
            out.printf("  transfer: learning methods trained on all of %s (%d firms, %d relations); the others are unchanged%n",
                    trainOn, source.firmCount(), source.relationCount());
            context = new ScoringContext(first.training(), source);
        } else {
            context = new ScoringContext(first.training());
        }
        List<MethodResult> results = evaluate(splits, context, methods, candidates, seed, out);
        for (NegativeProtocol p : protocols) {
            out.println();
            out.printf("negatives: %s; ranking per %s%n", p.code(), p.ranksPerCustomer() ? "customer" : "supplier");
            out.printf("%-8s %8s %8s %8s %8s %8s %8s %10s%n", "method", "ROC-AUC", "AUC-PR", "AUC/firm", "hits@10", "MRR",
                    "MAP", "time (ms)");
            for (MethodResult r : results) {
                if (r.protocol() == p) {
                    out.printf(Locale.ROOT, "%-8s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %10d%n", r.method().code(), r.rocAuc(),
                            r.averagePrecision(), r.ranking().meanRocAuc(), r.ranking().hitsAt10(), r.ranking().meanReciprocalRank(),
                            r.ranking().meanAveragePrecision(), r.millis());
                }
            }
        }
    }

    /** A network from a CSV path or {@code generated:FIRMS}. */
    private static SupplyTieNetwork load(String source, double relationsPerFirm, double noise, long seed, PrintStream out)
            throws IOException {
        if (source.startsWith("generated:")) {
            int firms = Integer.parseInt(source.substring("generated:".length()));
            return SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(firms, relationsPerFirm, noise, seed));
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        SupplyRelationCsv.Result csv = SupplyRelationCsv.read(file);
        out.printf("read %s: %d relations, %d duplicate rows ignored, %d bad rows%n",
                file, csv.relations().size(), csv.duplicates(), csv.badRows().size());
        csv.badRows().stream().limit(20).forEach(b -> out.printf("  bad row at line %d: %s%n", b.line(), b.reason()));
        if (csv.badRows().size() > 20) {
            out.printf("  … and %d more bad rows%n", csv.badRows().size() - 20);
        }
        if (csv.relations().isEmpty()) {
            throw new IllegalArgumentException(file + " holds no valid relation");
        }
        return SupplyTieNetwork.of(csv.relations());
    }

    /** {@link #evaluate(List, ScoringContext, List, int, long, PrintStream)} on one split, default candidates. */
    static List<MethodResult> evaluate(HoldOutSplit split, List<LinkPredictionMethod> methods, PrintStream out) {
        return evaluate(List.of(split), new ScoringContext(split.training()), methods,
                PerFirmRanking.DEFAULT_CANDIDATES, 42, out);
    }

    /**
     * Scores every method on every split (the splits share one training network: same seed and
     * fraction, only the negatives differ). The time per method and protocol covers building its
     * scorer on the training network (first protocol only; for the learning methods: training it,
     * also printed apart) and scoring all test pairs and rankings; the undirected projection the
     * JGraphT indices share is built once beforehand and its time printed separately.
     */
    static List<MethodResult> evaluate(List<HoldOutSplit> splits, ScoringContext context,
            List<LinkPredictionMethod> methods, int candidates, long seed, PrintStream out) {
        if (methods.stream().anyMatch(m -> m.ordinal() <= LinkPredictionMethod.PREFERENTIAL_ATTACHMENT.ordinal())) {
            long t0 = System.nanoTime();
            context.projection();
            out.printf("  undirected projection for the JGraphT indices built in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        List<PerFirmRanking> rankings = new ArrayList<>();
        for (HoldOutSplit split : splits) {
            long t0 = System.nanoTime();
            PerFirmRanking ranking = new PerFirmRanking(split, candidates, seed);
            rankings.add(ranking);
            out.printf("  %s: %d negatives; ranking %d %s among up to %d candidates (%d pairs, drawn in %d ms)%n",
                    split.protocol().code(), split.negatives().length, ranking.queries(),
                    ranking.perCustomer() ? "customers' suppliers" : "suppliers' customers", candidates,
                    ranking.pairs(), (System.nanoTime() - t0) / 1_000_000);
        }
        List<MethodResult> results = new ArrayList<>();
        for (LinkPredictionMethod method : methods) {
            long t0 = System.nanoTime();
            PairScorer scorer = method.newScorer(context);
            for (int i = 0; i < splits.size(); i++) {
                HoldOutSplit split = splits.get(i);
                double auc = split.rocAuc(scorer);
                double ap = split.averagePrecision(scorer);
                PerFirmRanking.Result ranking = rankings.get(i).evaluate(scorer);
                long t1 = System.nanoTime();
                results.add(new MethodResult(method, split.protocol(), auc, ap, ranking, (t1 - t0) / 1_000_000));
                t0 = t1;
            }
            if (method.learns()) {
                StackedLinkPrediction.Model model = context.stackedModel(method);
                out.printf("  %s: %s in %d ms (included in its first time)%n", method.code(), model.trained()
                        ? "model trained on " + model.examples() + " inner examples"
                        : "network too small to train, fell back to l3-pop", context.trainingMillis(method));
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
