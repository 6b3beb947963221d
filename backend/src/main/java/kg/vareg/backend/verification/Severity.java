package kg.vareg.backend.verification;

public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }
