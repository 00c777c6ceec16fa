/** Moved to the application layer; kept for the start-up and seed code that still import it from here. */
export { hashPassword, verifyPassword } from '../app/password';
