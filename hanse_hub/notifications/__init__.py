"""Knowledge reaches people: follows, notifications, settings per channel, digests and feeds."""
