package com.chainatlas.report;

import java.time.ZonedDateTime;
import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.innovation.Pairing;
import com.chainatlas.targeting.TargetModel.TargetRow;

/** Everything the 诊断报告 shows, gathered before the document is written. */
record ReportContent(Diagnosis diagnosis, boolean sampleData, List<TargetRow> targets, int targetTotal, String presetText,
                     Pairing.Report pairing, List<String> unknownNotes, ZonedDateTime generatedAt) {
}
