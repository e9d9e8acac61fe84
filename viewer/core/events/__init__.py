"""Events from one document: when, who (parties, people, speakers), which topic, how sure."""
