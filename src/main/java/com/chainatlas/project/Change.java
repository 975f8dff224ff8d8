package com.chainatlas.project;

import java.time.Instant;

/**
 * One recorded change of a lead or project (变更记录): who, when, which field, before → after, why.
 * {@code before}/{@code after} are display strings (null = empty); {@code field} "created" marks the creation.
 */
public record Change(Instant at, String by, String field, String fieldZh, String before, String after, String reason) {
}
