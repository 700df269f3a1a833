export { userMessage as errorText } from '../../components/user-message';
