package com.rollcall.licensing;

import java.util.List;

/** One page of license requests and how many match in all. */
public record LicenseRequestPage(long totalResults, List<LicenseRequestView> requests) {
}
