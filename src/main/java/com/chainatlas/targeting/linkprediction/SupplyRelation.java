package com.chainatlas.targeting.linkprediction;

/**
 * One supply relation (供应关系): {@code supplier} sells to {@code customer}. Ids are any non-blank
 * strings (USCC, names, product names); surrounding whitespace is stripped.
 *
 * @param customer the buying firm
 * @param supplier the selling firm
 */
public record SupplyRelation(String customer, String supplier) {

    public SupplyRelation {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("customer id is blank / 客户为空");
        }
        if (supplier == null || supplier.isBlank()) {
            throw new IllegalArgumentException("supplier id is blank / 供应商为空");
        }
        customer = customer.strip();
        supplier = supplier.strip();
        if (customer.equals(supplier)) {
            throw new IllegalArgumentException("a firm cannot supply itself / 客户与供应商相同: " + customer);
        }
    }
}
