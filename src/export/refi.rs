//! REFI-QDA shared pieces (being written).
