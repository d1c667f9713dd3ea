"""smgov: plan a government social media program before opening an account."""

__version__ = "0.1.0"
