/**
 * 延链 (extend the chain) ranking learnt from past entries: which segments a region lacks is it likely to enter
 * next. Features of a (region, segment) pair ({@link com.chainatlas.analysis.extend.ExtendFeature}) are computed from
 * the data itself at a cut date ({@link com.chainatlas.analysis.extend.Relatedness}); a logistic regression with one
 * intercept per region ({@link com.chainatlas.analysis.extend.ConditionalLogit}) learns from entries in the five
 * years before the cut how they combine ({@link com.chainatlas.analysis.extend.ExtendModel}), in the manner of
 * Albora, Pietronero, Tacchella and Zaccaria (2023), "Product progression: a machine learning approach to
 * forecasting industrial upgrading", Sci. Rep. 13. Never trained on anything after the cut.
 */
package com.chainatlas.analysis.extend;
