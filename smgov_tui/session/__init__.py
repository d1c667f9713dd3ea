"""The editing session shared by every front end."""
