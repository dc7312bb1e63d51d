package io.supportkit.nlp.internal.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A confusion table over named classes with accuracy and per-class precision/recall. Not thread-safe. */
public final class Confusion {

    private final List<String> classes;
    private final int[][] counts;
    private int total;

    public Confusion(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.counts = new int[classes.size()][classes.size()];
    }

    public void add(String truth, String predicted) {
        counts[classes.indexOf(truth)][classes.indexOf(predicted)]++;
        total++;
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < classes.size(); i++) {
            correct += counts[i][i];
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double precision(String c) {
        int k = classes.indexOf(c);
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[k];
        }
        return predicted == 0 ? Double.NaN : (double) counts[k][k] / predicted;
    }

    public double recall(String c) {
        int k = classes.indexOf(c);
        int actual = 0;
        for (int v : counts[k]) {
            actual += v;
        }
        return actual == 0 ? Double.NaN : (double) counts[k][k] / actual;
    }

    public void print(String title, PrintStream out) {
        out.printf(Locale.ROOT, "%s: n=%d accuracy=%.4f%n", title, total, accuracy());
        out.print("| truth \\ predicted |");
        for (String c : classes) {
            out.print(" " + c + " |");
        }
        out.println(" recall |");
        out.println("|---|" + "---|".repeat(classes.size() + 1));
        for (int i = 0; i < classes.size(); i++) {
            out.print("| " + classes.get(i) + " |");
            for (int j = 0; j < classes.size(); j++) {
                out.print(" " + counts[i][j] + " |");
            }
            out.printf(Locale.ROOT, " %.3f |%n", recall(classes.get(i)));
        }
        out.print("| precision |");
        for (String c : classes) {
            out.printf(Locale.ROOT, " %.3f |", precision(c));
        }
        out.println(" |");
        out.println();
    }
}
