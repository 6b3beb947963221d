package kg.vareg.backend.verification;

/** How far one token is verified (a row of registry.verifier_token_state). */
record TokenState(long chainId, String tokenAddress, String registrationNumber, Long creationBlock,
                  Long lastScannedBlock, String lastScannedHash, long logRange, int goodRanges,
                  String baselineImplementation, String baselineCodeHash, long version) {}
