package com.chainatlas.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Time of one batch at the service's limits: a model trained on N generated assigned firms over 100 segments,
 * then proposals for M candidates (defaults: the limits, 50,000 and 20,000). Database reads are not included.
 *
 * <pre>
 * ./mvnw -q -o -Dfrontend.skip=true test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=com.chainatlas.assignment.AssignmentScaleCheck [-Dexec.args="50000 20000"]
 * </pre>
 * A third and fourth argument (e.g. {@code LR 128}) also time {@link LinearSegments} on the same firms.
 */
public final class AssignmentScaleCheck {

    private AssignmentScaleCheck() {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : AssignmentService.MAX_EXAMPLES;
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : AssignmentService.MAX_CANDIDATES;
        Random random = new Random(1);
        int segments = 100;
        List<SegmentModel.Segment> segs = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            segs.add(new SegmentModel.Segment("S" + s, word(random, 0x4E00 + s * 150, 150, 3)));
        }
        List<SegmentModel.Example> train = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            int s = random.nextInt(segments);
            train.add(new SegmentModel.Example("E" + i, "企业" + i, Set.of("S" + s), phrases(random, s)));
        }
        long t0 = System.nanoTime();
        SegmentModel model = SegmentModel.train(segs, train, Method.DEFAULT);
        long t1 = System.nanoTime();
        int sure = 0;
        for (int i = 0; i < candidates; i++) {
            sure += model.propose(phrases(random, random.nextInt(segments))).confidence() == Confidence.SURE ? 1 : 0;
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d examples, %d segments: train %.1f s; %d proposals %.1f s (%.2f ms each), %d 确定%n",
                examples, segments, (t1 - t0) / 1e9, candidates, (t2 - t1) / 1e9, (t2 - t1) / 1e6 / candidates, sure);
        // Optional: the LIBLINEAR classifier of the experiment (docs/assignment.md), e.g. "50000 0 LR 128".
        if (args.length > 3) {
            long t3 = System.nanoTime();
            LinearSegments linear = LinearSegments.train(model, LinearSegments.Kind.valueOf(args[2]), Double.parseDouble(args[3]));
            System.out.printf(Locale.ROOT, "linear %s C=%s: train %.1f s (%s)%n", args[2], args[3],
                    (System.nanoTime() - t3) / 1e9, linear.getClass().getSimpleName());
        }
    }

    /** 4–6 product words: mostly from the segment's 150 characters, some from a shared pool. */
    private static List<Phrase> phrases(Random random, int segment) {
        List<Phrase> out = new ArrayList<>();
        int n = 4 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int base = random.nextInt(5) == 0 ? 0x7000 : 0x4E00 + segment * 150;
            out.add(new Phrase(word(random, base, 150, 2 + random.nextInt(4)), 0.05 + random.nextDouble()));
        }
        return out;
    }

    private static String word(Random random, int base, int range, int length) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.appendCodePoint(base + random.nextInt(range));
        }
        return w.toString();
    }
}
