"""The request register: requests, questions, requesters, routing, clock events and states."""
