"""Evaluation harness (`accord eval`): scores the stages on the data in ../shared and on the
project's own hand-labelled samples. Results are tables of figures; no expected result of an
evaluation set is ever written into code or lexicons.
"""
