package com.chainatlas.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of import formats, one per entity and relation of the graph model; each format is one class
 * with its columns, checks, typed row and writer. <b>A new format is registered by adding it to {@link #ALL}.</b>
 */
public final class ImportFormats {

    static final ImportFormat CHAINS = ChainsFormat.FORMAT;
    static final ImportFormat SEGMENTS = SegmentsFormat.FORMAT;
    static final ImportFormat FLOWS = FlowsFormat.FORMAT;
    static final ImportFormat PRODUCTS = ProductsFormat.FORMAT;
    static final ImportFormat PRODUCT_INPUTS = ProductInputsFormat.FORMAT;
    static final ImportFormat TECHNOLOGIES = TechnologiesFormat.FORMAT;
    static final ImportFormat ENTERPRISES = EnterprisesFormat.FORMAT;
    static final ImportFormat ENTERPRISE_SEGMENTS = EnterpriseSegmentsFormat.FORMAT;
    static final ImportFormat ENTERPRISE_PRODUCTS = EnterpriseProductsFormat.FORMAT;
    static final ImportFormat SUPPLIES = SuppliesFormat.FORMAT;
    static final ImportFormat INSTITUTIONS = InstitutionsFormat.FORMAT;
    static final ImportFormat COOPERATIONS = CooperationsFormat.FORMAT;
    static final ImportFormat PROJECTS = ProjectsFormat.FORMAT;
    static final ImportFormat EVENTS = EventsFormat.FORMAT;

    /** Every format, in the order of the import steps (templates, docs and the UI list them so). */
    static final List<ImportFormat> ALL = List.of(
            CHAINS, SEGMENTS, FLOWS, PRODUCTS, PRODUCT_INPUTS, TECHNOLOGIES,
            ENTERPRISES, ENTERPRISE_SEGMENTS, ENTERPRISE_PRODUCTS, SUPPLIES,
            INSTITUTIONS, COOPERATIONS,
            PROJECTS, EVENTS);

    private ImportFormats() {
    }

    public static Optional<ImportFormat> find(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
