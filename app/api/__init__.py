"""Client of the POS vendor's Open API."""
