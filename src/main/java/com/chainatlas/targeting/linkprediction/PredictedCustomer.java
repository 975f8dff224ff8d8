package com.chainatlas.targeting.linkprediction;

/**
 * A local customer the candidate supplier would likely supply (预计可为本地企业供货).
 *
 * @param customerId the customer's id as given in the supply network
 * @param score the method's score; comparable across suppliers for the same method and network
 */
public record PredictedCustomer(String customerId, double score) {
}
