/** The app's one date format lives in shared/ (findings made in main use it too). */
export { formatDate, formatDateTime } from '../../../shared/format/date-format';
