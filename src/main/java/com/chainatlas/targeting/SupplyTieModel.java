package com.chainatlas.targeting;

import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;

/**
 * The link predictor of one chain (供应关系预测模型) as built from one analysis snapshot: the predictor learns
 * from exactly the supply relations the diagnosis reads, and carries that snapshot's version, so a ranking can
 * tell whether its predictions and its diagnosis describe the same data.
 *
 * @param chainId the chain
 * @param snapshotVersion version of the snapshot the predictor was built from
 * @param predictor the trained predictor, or null when the snapshot has no supply relations to learn from
 */
record SupplyTieModel(String chainId, long snapshotVersion, SupplyLinkPredictor predictor) {
}
