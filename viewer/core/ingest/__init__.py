"""Reading a folder into documents: bounded reads, formats, metadata, furniture, sentences."""
