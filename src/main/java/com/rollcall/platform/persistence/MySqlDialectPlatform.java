package com.rollcall.platform.persistence;

import org.eclipse.persistence.platform.database.MySQLPlatform;

/**
 * The one SQL dialect Rollcall speaks: MySQL's, on MySQL 8, on MariaDB (through Connector/J) and on
 * H2 in its MySQL mode (the embedded default). Named explicitly in persistence.xml instead of letting
 * EclipseLink guess, because its guess goes wrong on two of the three: MariaDB announces itself as
 * "5.5.5-10.x" and H2 as "2.2", both below MySQL 5.6.4, so the stock platform would silently drop the
 * milliseconds of every DATETIME(3). Every server Rollcall supports keeps fractional seconds.
 */
public class MySqlDialectPlatform extends MySQLPlatform {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isFractionalTimeSupported() {
        return true;
    }
}
