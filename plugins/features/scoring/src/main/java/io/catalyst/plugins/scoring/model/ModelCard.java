package io.catalyst.plugins.scoring.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the model registry keeps of a trained model, so anyone can tell what it was trained on, how, and how good it
 * is.
 *
 * @param version         given by the caller, e.g. {@code ml-all-7}
 * @param segment         the segment it was trained for
 * @param trainer         the Tribuo trainer's description
 * @param hyperParameters the settings that shaped the model
 * @param provenanceJson  Tribuo's provenance of the model (marshalled by OLCUT), as JSON
 * @param trainedAt       when training finished
 * @param trainingMillis  how long training, calibration and evaluation took
 * @param dataFingerprint SHA-256 over the sorted (lead id, label) pairs and the excluded keys
 * @param evaluation      on the held-out rows
 * @param features        the feature keys trained on
 * @param excluded        the feature keys left out
 * @param topFactors      the strongest factors, in words
 * @param calibration     the Platt scaling applied to the model's log-odds
 * @param choice          which kind of model was deployed and why; null on cards from before the comparison
 * @param driftReference  the training leads' distribution per feature, to tell input drift by; null on cards from
 *                        before drift was measured
 */
public record ModelCard(String version, String segment, String trainer, Map<String, String> hyperParameters,
                        String provenanceJson, Instant trainedAt, long trainingMillis, String dataFingerprint,
                        Evaluation evaluation, List<String> features, Set<String> excluded, List<Factor> topFactors,
                        Calibration calibration, Choice choice, Drift.Reference driftReference)
        implements Serializable {

    /**
     * The logistic regression and the tree ensemble, both trained, calibrated and evaluated on the same rows.
     *
     * @param chosen      {@link #LOGISTIC} or {@link #ENSEMBLE}
     * @param logisticAuc the logistic regression's AUC on the held-out rows
     * @param ensembleAuc the tree ensemble's, on the same rows
     * @param words       which was chosen and why, for people
     */
    public record Choice(String chosen, double logisticAuc, double ensembleAuc, String words) implements Serializable {

        public static final String LOGISTIC = "logistic regression";
        public static final String ENSEMBLE = "tree ensemble";

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chosen", chosen);
            m.put("logisticRegressionAuc", logisticAuc);
            m.put("treeEnsembleAuc", ensembleAuc);
            m.put("words", words);
            return m;
        }
    }

    public ModelCard {
        hyperParameters = Map.copyOf(hyperParameters);
        features = List.copyOf(features);
        excluded = Set.copyOf(excluded);
        topFactors = List.copyOf(topFactors);
    }

    /** The registry payload. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("segment", segment);
        m.put("trainer", trainer);
        m.put("hyperParameters", new TreeMap<>(hyperParameters));
        m.put("trainedAt", trainedAt.toString());
        m.put("trainingMillis", trainingMillis);
        m.put("dataFingerprint", dataFingerprint);
        // the headline figures, also inside "evaluation", for a registry list that reads only the top level
        m.put("auc", evaluation.auc());
        m.put("brier", evaluation.brier());
        m.put("baseRate", evaluation.baseRate());
        m.put("features", features);
        m.put("excluded", List.copyOf(new TreeSet<>(excluded)));
        m.put("calibration", Map.of("method", "platt", "a", calibration.a(), "b", calibration.b()));
        m.put("evaluation", evaluation.toMap());
        List<Object> factors = new ArrayList<>();
        for (Factor f : topFactors) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("feature", f.feature());
            fm.put("value", f.value());
            fm.put("logOdds", f.logOdds());
            fm.put("words", f.words());
            factors.add(fm);
        }
        m.put("topFactors", factors);
        m.put("provenance", Json.parse(provenanceJson));
        if (choice != null) {
            m.put("choice", choice.toMap());
        }
        if (driftReference != null) {
            m.put("driftReference", driftReference.toMap());
        }
        return Json.write(m);
    }

    /**
     * The drift reference of a card as stored ({@link #toJson()}); empty for a card from before drift was measured.
     * Malformed JSON, or a malformed reference, is an {@link IllegalArgumentException}.
     */
    public static Optional<Drift.Reference> driftReference(String cardJson) {
        if (!(Json.parse(cardJson) instanceof Map<?, ?> card)) {
            throw new IllegalArgumentException("a model card is a JSON object");
        }
        Object reference = card.get("driftReference");
        return reference == null ? Optional.empty() : Optional.of(Drift.Reference.fromMap(reference));
    }
}
