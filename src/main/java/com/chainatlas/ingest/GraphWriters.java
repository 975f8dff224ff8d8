package com.chainatlas.ingest;

import com.chainatlas.chain.ChainWriter;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.innovation.InstitutionWriter;
import com.chainatlas.signal.EventWriter;

import org.springframework.stereotype.Component;

/** The feature writers an import uses (each merges on natural keys with UNWIND batches). */
@Component
record GraphWriters(ChainWriter chains, EnterpriseWriter enterprises, InstitutionWriter institutions,
                    ProjectWriter projects, EventWriter events) {
}
