-- MySQL/MariaDB only: the new tables compare text case-exactly like the others (see V2).
ALTER TABLE operator_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE license_request CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
