package cn.gov.reform.approval;

import java.util.List;

/** One page of a procedure's items ({@link Procedure#subjects}) and how many there are in all. */
public record SubjectPage(List<Subject> items, long total) {}
