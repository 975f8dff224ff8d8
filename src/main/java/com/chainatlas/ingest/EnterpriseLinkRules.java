package com.chainatlas.ingest;


import com.chainatlas.enterprise.EnterpriseLinks;

/**
 * An enterprise's link to a thing of a chain (segment, product): the import event names that chain; rows are
 * written with the node ids validation found.
 */
abstract class EnterpriseLinkRules<R extends FormatRow> implements FormatRules<R> {

    private final RefKind target;
    private final String targetColumn;
    private final RefIndex.EnterpriseRelation relation;

    EnterpriseLinkRules(RefKind target, String targetColumn, RefIndex.EnterpriseRelation relation) {
        this.target = target;
        this.targetColumn = targetColumn;
        this.relation = relation;
    }

    @Override
    public RefIndex.EnterpriseRelation writes() {
        return relation;
    }

    /** The chain of the linked thing. */
    String chainOf(RowContext row) {
        return row.chainOf(target, row.text(targetColumn));
    }

    EnterpriseLinks.NodeIds nodeIds(RowContext row) {
        return row.nodeIds("enterprise", null, relation);
    }
}
