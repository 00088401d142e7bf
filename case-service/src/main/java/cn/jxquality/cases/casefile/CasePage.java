package cn.jxquality.cases.casefile;

import java.util.List;

/** One page of a keyset-paged list; {@code next} is the opaque cursor of the following page, or null. */
public record CasePage(List<CaseView> items, String next) {}
