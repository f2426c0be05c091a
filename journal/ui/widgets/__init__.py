"""Small widgets the pages share: the day bar, messages beside fields, a message bar."""
