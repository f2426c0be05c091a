"""One module per chart; each is a small widget fed plain arrays through ``set_data``."""
