"""Records of the journal and their validation: pure Python, no Qt, no SQL."""
