package com.chainatlas.innovation;

import java.util.List;
import java.util.Map;

import com.chainatlas.chain.ChainModel.Technology;

/**
 * 创新图谱 in one answer: the chain's core technologies, the institutions drawn (local ones first, then by level and
 * strength) and the enterprises each of them cooperates with.
 *
 * @param totalInstitutions institutions researching the chain in all; {@code institutions} holds the first ones
 * @param cooperations      partners by institution id, for every institution in {@code institutions}
 */
public record InnovationGraph(String chainId, List<Technology> technologies, List<Institution> institutions,
                              long totalInstitutions, Map<String, List<InnovationService.Partner>> cooperations) {
}
