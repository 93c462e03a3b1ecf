-- A service-station technician's question to the technical experts; its ticket is TECH_SUPPORT.
CREATE TABLE tech_question (
    ticket_id      VARCHAR(40) PRIMARY KEY REFERENCES ticket (id),
    technician_id  BIGINT NOT NULL REFERENCES staff (id),
    vin            VARCHAR(17),
    vehicle_model  VARCHAR(64),
    dtc_codes      VARCHAR(500) NOT NULL,
    mileage_km     INT,
    photos         VARCHAR(6000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tech_question_technician ON tech_question (technician_id, created_at);
