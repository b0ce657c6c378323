-- MySQL/MariaDB only: the change feed's tables compare text case-exactly like the others (see V2).
ALTER TABLE change_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE webhook_endpoint CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE webhook_delivery CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
