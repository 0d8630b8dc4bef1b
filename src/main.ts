import './app/sb-app';
