package com.rollcall.enterprise;

import java.util.List;

/** One page of enterprises and how many match in all. */
public record EnterprisePage(long totalResults, List<EnterpriseView> enterprises) {
}
