"""Generated form classes (tools/build_forms.py). Do not edit."""
