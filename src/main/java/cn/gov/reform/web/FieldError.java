package cn.gov.reform.web;

/** One bad field of a request: which field, and what is wrong with it (in Chinese). */
public record FieldError(String field, String message) {}
