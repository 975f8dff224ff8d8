/**
 * Link prediction on the supply network (供应关系预测): which supplier is likely to supply which
 * customer, for the "predicted ties" part of the target ranking (预计可为本地企业 XX 供货).
 *
 * <p>Pure Java on JGraphT, independent of Neo4j and Spring. The public face is small:
 * {@link com.chainatlas.targeting.linkprediction.SupplyTieNetwork} (the model, built from
 * (customer, supplier) pairs), {@link com.chainatlas.targeting.linkprediction.LinkPredictionMethod}
 * (the scoring methods), {@link com.chainatlas.targeting.linkprediction.SupplyLinkPredictor} (the
 * service-facing API) and {@link com.chainatlas.targeting.linkprediction.LinkPredictionEvaluation}
 * (the hold-out evaluation command). Everything else is package-private.
 */
package com.chainatlas.targeting.linkprediction;
