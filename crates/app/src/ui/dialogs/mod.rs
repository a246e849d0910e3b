//! Dialogs: the Export window, choosing files (native dialog off the UI thread, or a typed path
//! that Tab completes), the questions
//! that guard work (unsaved changes, deleting a used label, restoring a recovery copy), help,
//! and the messages that tell what went wrong.

pub mod export_dialog;
pub mod file_dialog;
pub mod messages;
pub mod modals;
pub mod path_completion;
