"""Front ends that render the core's `Answer`: console text, JSON, and Discord."""
